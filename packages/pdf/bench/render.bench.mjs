// pnpm bench (after pnpm build): @nianbao/pdf against headless Chromium printing the same report, same run.
//
// For the seed and the busy fixture, both renderers: cold (a fresh process, start to file written; median of
// BENCH_COLD runs, the renderers taking turns so a change in the machine's load hits both alike), warm (another render
// in a live process / live page, median of BENCH_RUNS) and the PDF size; then batch throughput with the worker pool;
// then the installed size of the package. Chromium is Debian's /usr/bin/chromium driven by playwright-core, on a
// page built by @nianbao/react's renderReportHtml, in two set-ups: the fair baseline, printing with the system's own
// CJK fonts (Debian's fonts-noto-cjk, found by fontconfig, no @font-face; warm = one live browser, page.setContent +
// page.pdf(); cold = a fresh process that launches, loads and prints), and the old one that loads the 13 MB Noto
// Serif SC web font through @font-face for every page (labelled "web font").
// @nianbao/pdf's cold start is `@nianbao/pdf/node` (what the CLI and the pool use) with its code cache written by an
// untimed first run, as on every run after a machine's first; also printed: the same without the cache (a machine's
// first run) and the main entry.
// Warm renders follow BENCH_WARMUP untimed ones on both sides (a live server's steady state, JIT and caches warm).
// Env: BENCH_BATCH (default 200 reports), BENCH_RUNS (default 5), BENCH_COLD (default 5), BENCH_WARMUP (default 3).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// As a server runs it: React's production build (children inherit the environment).
process.env.NODE_ENV ??= 'production';
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const pdfDist = pathToFileURL(join(pkg, 'dist/index.js')).href;
const nodeDist = pathToFileURL(join(pkg, 'dist/node.js')).href;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COLD_RUNS = Number(process.env.BENCH_COLD ?? 5);
// Untimed renders before the warm ones, for both renderers: warm means a live server's steady state.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;

if (!existsSync(join(pkg, 'dist/index.js'))) {
  console.error('bench: run `pnpm build` first (dist/index.js missing)');
  process.exit(1);
}

const { renderReportPdf, defaultFontSources } = await import(pdfDist);
const { seedReport, busyReport } = await import('@nianbao/model/fixtures');
const fixtures = { seed: seedReport, busy: busyReport };
const uptime = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const results = {
  date: new Date().toISOString(),
  cores: availableParallelism(),
  loadBefore: uptime(),
  fixtures: {},
};

// ---- cold: fresh processes, each renderer in turn
const codeCache = join(work, 'code-cache');
/** Runs `script` in a fresh Node process and returns its wall time, start to exit. */
function fresh(script, env = {}) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_COMPILE_CACHE: codeCache, ...env },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return performance.now() - started;
}
const pdfScript = (entry, name) =>
  `const {renderReportPdfToFile}=await import(${JSON.stringify(entry)});const f=await import('@nianbao/model/fixtures');await renderReportPdfToFile(f.${name}Report, ${JSON.stringify(join(work, `cold-${name}.pdf`))});`;

let chromium;
try {
  chromium = (await import('playwright-core')).chromium;
} catch {
  chromium = undefined;
}
const { renderReportHtml } = await import('@nianbao/react/server').catch(() => ({}));
const haveChromium = chromium && renderReportHtml && existsSync(CHROMIUM);
// The fair Chromium baseline prints with the system's CJK fonts: without them it would fall back to a box font and
// measure nothing real, so the bench stops and says what to install.
if (haveChromium) {
  const found = spawnSync('fc-list', [':family=Noto Serif CJK SC'], { encoding: 'utf8' });
  if (found.status !== 0 || found.stdout.trim() === '') {
    console.error(
      "bench: Chromium's baseline needs the system font Noto Serif CJK SC (fontconfig). Install it with:\n" +
        '  sudo apt-get install -y fonts-noto-cjk',
    );
    process.exit(1);
  }
}
const fontUrl = pathToFileURL(defaultFontSources().body).href;
const fontCss = `<style>@font-face{font-family:'NbSerif';src:url('${fontUrl}') format('truetype');}
html,body,.nb-report,.nb-report *{font-family:'NbSerif',serif !important;}
@page{size:A4;margin:37mm 26mm 35mm 28mm;}</style>`;
// The fair baseline: the system's Noto Serif CJK SC by name (fontconfig), no font file loaded by the page.
const systemCss = `<style>html,body,.nb-report,.nb-report *{font-family:'Noto Serif CJK SC',serif !important;}
@page{size:A4;margin:37mm 26mm 35mm 28mm;}</style>`;
function htmlFile(name, report) {
  const file = join(work, `${name}.html`);
  writeFileSync(file, renderReportHtml(report).replace('</head>', `${fontCss}</head>`));
  return file;
}
function systemHtmlFile(name, report) {
  const file = join(work, `${name}-system.html`);
  writeFileSync(file, renderReportHtml(report).replace('</head>', `${systemCss}</head>`));
  return file;
}
const pdfOptions = { format: 'A4', preferCSSPageSize: true, printBackground: false };
// cold Chromium: a fresh process launches the browser, loads the page, prints, writes the file, exits.
const chromiumScript = (name, page) =>
  `const {chromium}=await import('playwright-core');const b=await chromium.launch({executablePath:${JSON.stringify(CHROMIUM)},args:${JSON.stringify(CHROMIUM_ARGS)}});const p=await b.newPage();await p.goto(${JSON.stringify(pathToFileURL(page).href)},{waitUntil:'load'});await p.evaluate(()=>document.fonts.ready);await p.pdf({...${JSON.stringify(pdfOptions)},path:${JSON.stringify(join(work, `chromium-${name}.pdf`))}});await b.close();`;

// cold Chromium with system fonts: launch, load the report's HTML, print, write, exit.
const chromiumSystemScript = (name, page) =>
  `const {chromium}=await import('playwright-core');const {readFileSync}=await import('node:fs');const b=await chromium.launch({executablePath:${JSON.stringify(CHROMIUM)},args:${JSON.stringify(CHROMIUM_ARGS)}});const p=await b.newPage();await p.setContent(readFileSync(${JSON.stringify(page)},'utf8'),{waitUntil:'load'});await p.evaluate(()=>document.fonts.ready);await p.pdf({...${JSON.stringify(pdfOptions)},path:${JSON.stringify(join(work, `chromium-system-${name}.pdf`))}});await b.close();`;

// The peers (bench/peers.mjs): pdfmake 0.3 and Typst, same content from the same HTML, same three Noto files.
const peersUrl = pathToFileURL(join(here, 'peers.mjs')).href;
const fontFiles = JSON.stringify(defaultFontSources());
const peerPrelude = (name) =>
  `const P=await import(${JSON.stringify(peersUrl)});const {renderReportHtml}=await import('@nianbao/react/server');const f=await import('@nianbao/model/fixtures');const fs=await import('node:fs');const src=${fontFiles};const blocks=P.htmlBlocks(renderReportHtml(f.${name}Report));`;
const pdfmakeScript = (name) =>
  `${peerPrelude(name)}const pdfmake=(await import('pdfmake')).default;pdfmake.setLocalAccessPolicy(()=>true);pdfmake.setFonts(P.pdfmakeFonts(src));fs.writeFileSync(${JSON.stringify(join(work, `pdfmake-${name}.pdf`))},await pdfmake.createPdf(P.pdfmakeDocument(blocks)).getBuffer());`;
const typstScript = (name) =>
  `${peerPrelude(name)}const {NodeCompiler}=await import('@myriaddreamin/typst-ts-node-compiler');const c=NodeCompiler.create({fontArgs:[{fontBlobs:[...new Set([src.body,src.bodyBold,src.heading])].map((x)=>fs.readFileSync(x))}]});fs.writeFileSync(${JSON.stringify(join(work, `typst-${name}.pdf`))},c.pdf({mainFileContent:P.typstSource(blocks)}));`;

fresh(pdfScript(nodeDist, 'seed')); // writes the code cache (untimed)
for (const [name, report] of Object.entries(fixtures)) {
  const kinds = {
    node: () => fresh(pdfScript(nodeDist, name)),
    nodeNoCache: () => fresh(pdfScript(nodeDist, name), { NIANBAO_COMPILE_CACHE: '0' }),
    main: () => fresh(pdfScript(pdfDist, name)),
  };
  if (haveChromium) {
    const page = htmlFile(name, report);
    const systemPage = systemHtmlFile(name, report);
    kinds.chromiumSystem = () => fresh(chromiumSystemScript(name, systemPage));
    kinds.chromium = () => fresh(chromiumScript(name, page));
    kinds.pdfmake = () => fresh(pdfmakeScript(name));
    kinds.typst = () => fresh(typstScript(name));
  }
  const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  for (let i = 0; i < COLD_RUNS; i++) for (const [k, run] of Object.entries(kinds)) times[k].push(run());
  results.fixtures[name] = {
    pdf: {
      coldMs: median(times.node),
      coldNoCacheMs: median(times.nodeNoCache),
      coldMainEntryMs: median(times.main),
    },
    ...(haveChromium
      ? {
          chromium: { coldMs: median(times.chromium) },
          chromiumSystem: { coldMs: median(times.chromiumSystem) },
          pdfmake: { coldMs: median(times.pdfmake) },
          typst: { coldMs: median(times.typst) },
        }
      : {}),
  };
}

// ---- warm (a live process) and size: `@nianbao/pdf/node` (the bundled engine a server, the CLI and the pool use)
// and the main entry, taking turns render by render.
const nodeEntry = await import(nodeDist);
for (const [name, report] of Object.entries(fixtures)) {
  for (let i = 0; i < WARMUP; i++) {
    await nodeEntry.renderReportPdf(report);
    await renderReportPdf(report);
  }
  const warm = [];
  const warmMain = [];
  let bytes;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    bytes = await nodeEntry.renderReportPdf(report);
    warm.push(performance.now() - t);
    t = performance.now();
    await renderReportPdf(report);
    warmMain.push(performance.now() - t);
  }
  Object.assign(results.fixtures[name].pdf, {
    warmMs: median(warm),
    warmMainEntryMs: median(warmMain),
    bytes: bytes.length,
  });
}

if (haveChromium) {
  // warm peers: one live process each (this one), a new document per render. Typst gets a different source each
  // time (a numbered comment) so its whole-document memo cannot hand back the previous PDF; its per-function
  // caches still work, as in a live server.
  const peers = await import(peersUrl);
  const pdfmake = (await import('pdfmake')).default;
  pdfmake.setLocalAccessPolicy(() => true);
  pdfmake.setFonts(peers.pdfmakeFonts(defaultFontSources()));
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const sources = defaultFontSources();
  const typst = NodeCompiler.create({
    fontArgs: [
      {
        fontBlobs: [...new Set([sources.body, sources.bodyBold, sources.heading])].map((f) =>
          readFileSync(f),
        ),
      },
    ],
  });
  let serial = 0;
  for (const [name, report] of Object.entries(fixtures)) {
    const warmPdfmake = [];
    const warmTypst = [];
    let pdfmakeBytes;
    let typstBytes;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      let t = performance.now();
      pdfmakeBytes = await pdfmake
        .createPdf(peers.pdfmakeDocument(peers.htmlBlocks(renderReportHtml(report))))
        .getBuffer();
      if (i >= WARMUP) warmPdfmake.push(performance.now() - t);
      t = performance.now();
      typstBytes = typst.pdf({
        mainFileContent: `// ${serial++}\n${peers.typstSource(peers.htmlBlocks(renderReportHtml(report)))}`,
      });
      if (i >= WARMUP) warmTypst.push(performance.now() - t);
    }
    Object.assign(results.fixtures[name].pdfmake, {
      warmMs: median(warmPdfmake),
      bytes: pdfmakeBytes.length,
    });
    Object.assign(results.fixtures[name].typst, { warmMs: median(warmTypst), bytes: typstBytes.length });
  }
  for (const [name] of Object.entries(fixtures)) {
    const page = join(work, `${name}.html`);
    // warm: a live browser and page; each render loads the page again and prints.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const live = await browser.newPage();
    const warm = [];
    let bytes;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = performance.now();
      await live.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      await live.evaluate(() => document.fonts.ready);
      bytes = await live.pdf(pdfOptions);
      if (i >= WARMUP) warm.push(performance.now() - t);
    }
    // warm page.pdf() alone, on the already loaded page (no new report: a lower bound of Chromium's render)
    const printOnly = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = performance.now();
      await live.pdf(pdfOptions);
      if (i >= WARMUP) printOnly.push(performance.now() - t);
    }
    // the fair baseline: the same live browser, a new report's HTML set on the page, then printed
    const systemHtml = readFileSync(join(work, `${name}-system.html`), 'utf8');
    const systemWarm = [];
    let systemBytes;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = performance.now();
      await live.setContent(systemHtml, { waitUntil: 'load' });
      await live.evaluate(() => document.fonts.ready);
      systemBytes = await live.pdf(pdfOptions);
      if (i >= WARMUP) systemWarm.push(performance.now() - t);
    }
    await browser.close();
    Object.assign(results.fixtures[name].chromiumSystem, {
      warmMs: median(systemWarm),
      bytes: systemBytes.length,
    });
    Object.assign(results.fixtures[name].chromium, {
      warmMs: median(warm),
      warmPdfOnlyMs: median(printOnly),
      bytes: bytes.length,
    });
  }
}

// ---- batch throughput with the worker pool
const batchDir = join(work, 'batch');
mkdirSync(batchDir);
results.batch = {};
// Each batch in a fresh process, so its peak RSS (the pool's worker threads included) is the batch's own.
const batchScript = (concurrency) =>
  `const {renderPdfFiles}=await import(${JSON.stringify(nodeDist)});const f=await import('@nianbao/model/fixtures');const jobs=Array.from({length:${BATCH}},(_,i)=>({report:i%2===0?f.seedReport:f.busyReport,path:${JSON.stringify(batchDir)}+'/r'+i+'.pdf'}));const t=performance.now();const done=await renderPdfFiles(jobs,{concurrency:${concurrency}});const s=(performance.now()-t)/1000;if(done.some((r)=>!r.ok))throw new Error(JSON.stringify(done.find((r)=>!r.ok)));console.log(JSON.stringify({seconds:s,maxRssKB:process.resourceUsage().maxRSS}));`;
for (const concurrency of [1, 2]) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', batchScript(concurrency)], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_COMPILE_CACHE: codeCache },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const { seconds, maxRssKB } = JSON.parse(run.stdout.trim().split('\n').pop());
  results.batch[concurrency] = {
    reports: BATCH,
    seconds,
    perSecond: BATCH / seconds,
    peakRssMB: maxRssKB / 1024,
  };
}

// ---- installed size: this package as published plus its production dependency closure, as installed
function closure() {
  const seen = new Map();
  const visit = (link) => {
    // pnpm: a package's own dependencies are siblings of its real directory in the store.
    const dir = realpathSync(link);
    if (seen.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    seen.set(dir, manifest.name);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      let base = dir;
      let found;
      while (!found) {
        const candidate = join(base, 'node_modules', dep);
        if (existsSync(join(candidate, 'package.json'))) found = candidate;
        else if (dirname(base) === base) break;
        else base = dirname(base);
      }
      if (found) visit(found);
    }
  };
  visit(pkg);
  seen.delete(realpathSync(pkg));
  return seen;
}
function du(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += du(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}
// A workspace package is installed as what it publishes (`npm pack`'s file list), not as its checkout.
function publishedSize(dir) {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout)[0].unpackedSize;
}
const deps = closure();
let installed = publishedSize(pkg);
let fonts = 0;
for (const [dir, name] of deps) {
  const size = dir.includes(`${join('node_modules', '.pnpm')}`) ? du(dir) : publishedSize(dir);
  installed += size;
  if (name === '@nianbao/fonts') fonts += size;
}
const fontFilesUsed = [...new Set(Object.values(defaultFontSources()))].reduce(
  (a, f) => a + statSync(f).size,
  0,
);
results.installed = {
  packages: deps.size,
  bytes: installed,
  fontPackagesBytes: fonts,
  fontFilesUsedBytes: fontFilesUsed,
};

// ---- report
results.loadAfter = uptime();
const lines = [
  `@nianbao/pdf bench — ${results.date}, ${results.cores} cores, load average (1/5/15 min) ${results.loadBefore} before, ${results.loadAfter} after`,
  `cold: median of ${COLD_RUNS} fresh processes, renderers interleaved; warm: median of ${RUNS} after ${WARMUP} untimed; "×" = that renderer's time / @nianbao/pdf's (above 1: we are faster)`,
  '',
];
lines.push('fixture  renderer                      cold                 warm                 PDF size');
const vs = (theirs, ours) => `${ms(theirs)} (${(theirs / ours).toFixed(2)}×)`;
for (const [name, r] of Object.entries(results.fixtures)) {
  lines.push(
    `${name.padEnd(8)} @nianbao/pdf (/node)          ${ms(r.pdf.coldMs).padEnd(20)} ${ms(r.pdf.warmMs).padEnd(20)} ${kb(r.pdf.bytes)}   (cold without code cache ${ms(r.pdf.coldNoCacheMs)}, main entry cold ${ms(r.pdf.coldMainEntryMs)} / warm ${ms(r.pdf.warmMainEntryMs)})`,
  );
  if (r.chromium) {
    lines.push(
      `${''.padEnd(8)} chromium, system fonts        ${vs(r.chromiumSystem.coldMs, r.pdf.coldMs).padEnd(20)} ${vs(r.chromiumSystem.warmMs, r.pdf.warmMs).padEnd(20)} ${kb(r.chromiumSystem.bytes)} (ours ${(r.pdf.bytes / r.chromiumSystem.bytes).toFixed(2)}× its size)`,
    );
    for (const [label, peer] of [
      ['pdfmake 0.3                  ', r.pdfmake],
      ['typst (typst-ts-node 0.7)    ', r.typst],
    ]) {
      lines.push(
        `${''.padEnd(8)} ${label} ${vs(peer.coldMs, r.pdf.coldMs).padEnd(20)} ${vs(peer.warmMs, r.pdf.warmMs).padEnd(20)} ${kb(peer.bytes)}`,
      );
    }
    lines.push(
      `${''.padEnd(8)} chromium, web font (old)      ${vs(r.chromium.coldMs, r.pdf.coldMs).padEnd(20)} ${vs(r.chromium.warmMs, r.pdf.warmMs).padEnd(20)} ${kb(r.chromium.bytes)}   (page.pdf() alone ${ms(r.chromium.warmPdfOnlyMs)})`,
    );
  } else {
    lines.push(
      `${''.padEnd(8)} chromium         (not measured: needs /usr/bin/chromium, playwright-core, @nianbao/react built)`,
    );
  }
}
lines.push('');
for (const [c, b] of Object.entries(results.batch)) {
  lines.push(
    `batch ${b.reports} reports, ${c} worker(s): ${b.seconds.toFixed(1)} s, ${b.perSecond.toFixed(2)} reports/s, peak RSS ${b.peakRssMB.toFixed(0)} MB`,
  );
}
lines.push(
  `batch scaling: 2 workers / 1 worker = ${(results.batch[2].perSecond / results.batch[1].perSecond).toFixed(2)}× the reports/s`,
);
lines.push('');
lines.push(
  `installed: ${(installed / 1e6).toFixed(1)} MB in ${deps.size} packages, of which @nianbao/fonts ${(fonts / 1e6).toFixed(1)} MB; the 3 font files used: ${(fontFilesUsed / 1e6).toFixed(1)} MB`,
);
console.log(lines.join('\n'));
mkdirSync(join(pkg, '.bench-results'), { recursive: true });
writeFileSync(join(pkg, '.bench-results/pdf.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
