// pnpm bench (after pnpm build): the HTTP service rendering the seed report's PDF, against two baselines measured
// in the same run on the same machine:
//   - the library in-process (@nianbao/pdf/node's renderReportPdf in this process, `c` renders in flight at once on
//     its one thread): what the service costs over calling the library yourself;
//   - a Chromium service: one headless Debian /usr/bin/chromium driven by playwright-core behind a node:http server,
//     pages created once and reused (one per connection), each request's report rendered by @nianbao/react's
//     renderReportHtml, set on a page and printed with page.pdf(): the usual way such a service is built.
// Both services get the same POST of the seed's Report JSON from autocannon at 1, 2 and 8 connections after a
// warm-up; renders/s, p50 and p99 latency. Then 100 concurrent renders are checked to be
// 100 PDFs identical to the library's bytes. The service runs as its own process (the bin), BENCH_WORKERS threads.
// Each cell is BENCH_ROUNDS slices of the same number of renders (BENCH_PER_CONNECTION per connection, at least 6),
// the three taking turns, so a change in the machine's load hits all alike: renders/s averaged over the slices, the
// median slice's p50, the worst slice's p99.
// Env: BENCH_ROUNDS (default 4), BENCH_PER_CONNECTION (default 2), BENCH_WORKERS (default: available parallelism).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

process.env.NODE_ENV ??= 'production';
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const PER_CONNECTION = Number(process.env.BENCH_PER_CONNECTION ?? 2);
const MIN_SLICE = 6;
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const CONCURRENCY = [1, 2, 8];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CREATED = '2023-01-20T00:00:00.000Z';
const CHROMIUM = '/usr/bin/chromium';

const { seedReport } = await import(pathToFileURL(join(pkg, '../model/dist/fixtures/index.js')).href);
const { renderReportPdf } = await import(pathToFileURL(join(pkg, '../pdf/dist/node.js')).href);
const { renderReportHtml } = await import(pathToFileURL(join(pkg, '../react/dist/server.js')).href);
const body = JSON.stringify(seedReport);
const quiet = { onWarning: () => undefined };

/** Starts the service's bin and resolves to its base URL once it listens (its workers are then warm). */
async function startService() {
  const child = spawn(
    process.execPath,
    [join(pkg, 'bin/nianbao-server.js'), '--port', '0', '--workers', String(WORKERS), '--queue', '256'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}`)));
  });
  // The request logs would cost the service time the bench counts: drain them.
  child.stdout.resume();
  return { url, child };
}

/** A Chromium render service: one browser, a page per connection slot, reused. */
async function startChromium(slots) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const free = [];
  for (let i = 0; i < slots; i++) free.push(await browser.newPage());
  const waiting = [];
  const take = () => (free.length > 0 ? Promise.resolve(free.pop()) : new Promise((r) => waiting.push(r)));
  const give = (page) => (waiting.length > 0 ? waiting.shift()(page) : free.push(page));
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const page = await take();
      try {
        const report = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        response.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      } catch (error) {
        response.writeHead(500).end(String(error));
      } finally {
        give(page);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => Promise.all([browser.close(), new Promise((r) => server.close(r))]),
  };
}

async function load(url, connections, amount) {
  const result = await autocannon({
    url,
    connections,
    amount,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: closedLoopRate(connections, result.latency.mean),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * Renders per second of a closed loop (each of `connections` clients sends its next request when the last one is
 * answered), from the mean latency by Little's law. autocannon's own duration is whole seconds and it ends a run on
 * its next one-second tick, which for slices of a few renders would count up to a second of idle time; the mean
 * latency has no such error, and the library in-process is measured the same way.
 */
function closedLoopRate(connections, meanMs) {
  return (connections * 1000) / meanMs;
}

/** The library in this process, `connections` renders in flight at once, `amount` in all. */
async function inProcess(connections, amount) {
  const latencies = [];
  let left = amount;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        await renderReportPdf(seedReport, quiet);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const mean = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;
  return { rps: closedLoopRate(connections, mean), p50: at(0.5), p99: at(0.99) };
}

/** Slices into one figure: renders/s over all of them, the median slice's p50, the worst slice's p99. */
function combine(slices) {
  const p50s = slices.map((s) => s.p50).sort((a, b) => a - b);
  return {
    rps: slices.reduce((sum, s) => sum + s.rps, 0) / slices.length,
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...slices.map((s) => s.p99)),
  };
}

const fmt = (r) =>
  `${r.rps.toFixed(2).padStart(7)} /s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms`;

console.log(
  `serve bench: seed PDF, ${ROUNDS} rounds of ${PER_CONNECTION} renders per connection (at least ${MIN_SLICE}) per cell, service with ${WORKERS} worker(s), ${availableParallelism()} cores, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
const service = await startService();
const chromium = await startChromium(Math.max(...CONCURRENCY));
const serviceUrl = `${service.url}/v1/render?format=pdf`;
const rows = [];
try {
  // Warm-up, untimed: JIT, caches, the browser's first pages.
  for (let i = 0; i < 3; i++) await renderReportPdf(seedReport, quiet);
  await load(serviceUrl, 2, 8);
  await load(chromium.url, 2, 8);
  for (const c of CONCURRENCY) {
    // The three take turns in ROUNDS short slices, so that a change in the machine's load (other processes) hits
    // all three alike instead of whichever happened to run last.
    const slices = { library: [], served: [], browser: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const amount = Math.max(MIN_SLICE, c * PER_CONNECTION);
      slices.library.push(await inProcess(c, amount));
      slices.served.push(await load(serviceUrl, c, amount));
      slices.browser.push(await load(chromium.url, c, amount));
    }
    const [library, served, browser] = [slices.library, slices.served, slices.browser].map(combine);
    rows.push({ c, library, served, browser });
    console.log(`c=${c}  library ${fmt(library)} | service ${fmt(served)} | chromium ${fmt(browser)}`);
  }

  // 100 at once: 100 PDFs, each the library's bytes.
  const expected = Buffer.from(
    await renderReportPdf(seedReport, { ...quiet, creationDate: new Date(CREATED) }),
  );
  const answers = await Promise.all(
    Array.from({ length: 100 }, () =>
      fetch(`${service.url}/v1/render?format=pdf&created=${CREATED}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      }).then(async (r) => ({ status: r.status, bytes: Buffer.from(await r.arrayBuffer()) })),
    ),
  );
  const identical = answers.filter((a) => a.status === 200 && a.bytes.equals(expected)).length;
  console.log(`\n100 concurrent renders: ${identical}/100 identical to the library's bytes`);
  if (identical !== 100) process.exitCode = 1;
} finally {
  service.child.kill('SIGTERM');
  await chromium.close();
}

console.log(
  '\n| concurrency | library in-process | service | chromium service | service overhead vs library | service ÷ chromium (renders/s) | service p99 ÷ p50 |',
);
console.log('|---|---|---|---|---|---|---|');
for (const { c, library, served, browser } of rows) {
  const cell = (r) => `${r.rps.toFixed(2)}/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`;
  const overhead = `${(((served.p50 - library.p50) / library.p50) * 100).toFixed(0)}% (p50)`;
  console.log(
    `| ${c} | ${cell(library)} | ${cell(served)} | ${cell(browser)} | ${overhead} | ${(served.rps / browser.rps).toFixed(2)}× | ${(served.p99 / served.p50).toFixed(2)} |`,
  );
}
