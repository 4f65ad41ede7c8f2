// pnpm bench (after pnpm build): @nianbao/pdf against headless Chromium printing the same report, same run.
//
// For the seed and the busy fixture, every renderer: cold (a fresh process, start to file written; BENCH_COLD runs,
// the renderers taking turns so a change in the machine's load hits all alike), warm (a render in a live process /
// live page; BENCH_RUNS rounds, each round a new report — the fixture with other texts and figures — rendered by
// every renderer in turn) and the PDF size, each time as median and range; then batch throughput with the worker pool;
// then the installed size of the package. Chromium is Debian's /usr/bin/chromium driven by playwright-core, on a
// page built by @nianbao/react's renderReportHtml, in two set-ups: the fair baseline, printing with the system's own
// CJK fonts (Debian's fonts-noto-cjk, found by fontconfig, no @font-face; warm = one live browser, page.setContent +
// page.pdf(); cold = a fresh process that launches, loads and prints), and the old one that loads the 13 MB Noto
// Serif SC web font through @font-face for every page (labelled "web font").
// @nianbao/pdf's cold start is `@nianbao/pdf/node` (what the CLI and the pool use) with its code cache written by an
// untimed first run, as on every run after a machine's first; also printed: the same without the cache (a machine's
// first run) and the main entry.
// Warm renders follow BENCH_WARMUP untimed rounds (a live server's steady state, JIT and caches warm).
// Env: BENCH_BATCH (default 200 reports), BENCH_RUNS (default 9), BENCH_COLD (default 5), BENCH_WARMUP (default 3);
// BENCH_BASELINE_ENGINE=FILE adds a row for another build of dist/engine.cjs (say, main's, copied into dist/ so that
// it finds its dependencies), cold and warm in the same rounds, to measure a change to the engine against it.
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
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
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
/** Median and range of a series of times. */
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
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
const baselineEngine = process.env.BENCH_BASELINE_ENGINE;
const compileCacheDist = pathToFileURL(join(pkg, 'dist/compile-cache.js')).href;
// The baseline engine in a fresh process, loaded the way @nianbao/pdf/node loads ours (code cache included).
const baselineScript = (name) =>
  `const {loadWithCodeCache}=await import(${JSON.stringify(compileCacheDist)});const fs=await import('node:fs');const m=loadWithCodeCache(${JSON.stringify(baselineEngine)});const f=await import('@nianbao/model/fixtures');const b=await m.exports.renderReportPdf(f.${name}Report);m.saveCache();fs.writeFileSync(${JSON.stringify(join(work, `baseline-${name}.pdf`))},b);`;
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
  `${peerPrelude(name)}const pdfmake=(await import('pdfmake')).default;pdfmake.setLocalAccessPolicy(()=>true);pdfmake.setUrlAccessPolicy(()=>false);pdfmake.setFonts(P.pdfmakeFonts(src));fs.writeFileSync(${JSON.stringify(join(work, `pdfmake-${name}.pdf`))},await pdfmake.createPdf(P.pdfmakeDocument(blocks)).getBuffer());`;
const typstScript = (name) =>
  `${peerPrelude(name)}const {NodeCompiler}=await import('@myriaddreamin/typst-ts-node-compiler');const c=NodeCompiler.create({fontArgs:[{fontBlobs:[...new Set([src.body,src.bodyBold,src.heading])].map((x)=>fs.readFileSync(x))}]});fs.writeFileSync(${JSON.stringify(join(work, `typst-${name}.pdf`))},c.pdf({mainFileContent:P.typstSource(blocks)}));`;

fresh(pdfScript(nodeDist, 'seed')); // writes the code cache (untimed)
if (baselineEngine) fresh(baselineScript('seed'));
for (const [name, report] of Object.entries(fixtures)) {
  const kinds = {
    node: () => fresh(pdfScript(nodeDist, name)),
    nodeNoCache: () => fresh(pdfScript(nodeDist, name), { NIANBAO_COMPILE_CACHE: '0' }),
    main: () => fresh(pdfScript(pdfDist, name)),
    ...(baselineEngine ? { baseline: () => fresh(baselineScript(name)) } : {}),
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
      cold: stats(times.node),
      coldNoCache: stats(times.nodeNoCache),
      coldMainEntry: stats(times.main),
      ...(baselineEngine ? { coldBaseline: stats(times.baseline) } : {}),
    },
    ...(haveChromium
      ? {
          chromium: { cold: stats(times.chromium) },
          chromiumSystem: { cold: stats(times.chromiumSystem) },
          pdfmake: { cold: stats(times.pdfmake) },
          typst: { cold: stats(times.typst) },
        }
      : {}),
  };
}

// ---- warm (live processes) and size: every renderer renders the same new report in turn, round by round
// (`distinctReport`: another report each round, as a server gets), so a change in the machine's load hits all of
// them alike. Each peer's input is made from the report before its clock starts (Chromium's HTML page, pdfmake's
// blocks, Typst's source): only the renderer itself is timed. Ours: `@nianbao/pdf/node` (the bundled engine a
// server, the CLI and the pool use) and the main entry.
const nodeEntry = await import(nodeDist);
const baseline = baselineEngine
  ? (await import('node:module')).createRequire(import.meta.url)(baselineEngine)
  : undefined;
const peers = await import(peersUrl);
let pdfmake;
let typst;
let browser;
if (haveChromium) {
  pdfmake = (await import('pdfmake')).default;
  pdfmake.setLocalAccessPolicy(() => true);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setFonts(peers.pdfmakeFonts(defaultFontSources()));
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const sources = defaultFontSources();
  typst = NodeCompiler.create({
    fontArgs: [
      {
        fontBlobs: [...new Set([sources.body, sources.bodyBold, sources.heading])].map((f) =>
          readFileSync(f),
        ),
      },
    ],
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
let round = 0;
for (const [name, report] of Object.entries(fixtures)) {
  const times = {
    pdf: [],
    main: [],
    baseline: [],
    pdfmake: [],
    typst: [],
    chromiumSystem: [],
    chromium: [],
    printOnly: [],
  };
  const bytes = {};
  const systemPage = haveChromium ? await browser.newPage() : undefined;
  const webFontPage = haveChromium ? await browser.newPage() : undefined;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const next = peers.distinctReport(report, ++round);
    const timed = async (kind, render) => {
      const t = performance.now();
      const out = await render();
      if (i >= WARMUP) times[kind].push(performance.now() - t);
      if (out) bytes[kind] = out.length;
    };
    await timed('pdf', () => nodeEntry.renderReportPdf(next));
    await timed('main', () => renderReportPdf(next));
    if (baseline) await timed('baseline', () => baseline.renderReportPdf(next));
    if (!haveChromium) continue;
    const html = renderReportHtml(next);
    const blocks = peers.htmlBlocks(html);
    const source = `// ${round}\n${peers.typstSource(blocks)}`;
    const systemHtml = html.replace('</head>', `${systemCss}</head>`);
    const webFontFile = join(work, `${name}-warm.html`);
    writeFileSync(webFontFile, html.replace('</head>', `${fontCss}</head>`));
    await timed('pdfmake', () => pdfmake.createPdf(peers.pdfmakeDocument(blocks)).getBuffer());
    await timed('typst', () => typst.pdf({ mainFileContent: source }));
    // the fair baseline: one live browser, the new report's HTML set on its page, printed with the system's fonts
    await timed('chromiumSystem', async () => {
      await systemPage.setContent(systemHtml, { waitUntil: 'load' });
      await systemPage.evaluate(() => document.fonts.ready);
      return systemPage.pdf(pdfOptions);
    });
    // the old baseline: the page loaded from a file, with the web font through @font-face
    await timed('chromium', async () => {
      await webFontPage.goto(pathToFileURL(webFontFile).href, { waitUntil: 'load' });
      await webFontPage.evaluate(() => document.fonts.ready);
      return webFontPage.pdf(pdfOptions);
    });
    // page.pdf() alone on the loaded page (no new report: a lower bound of Chromium's print)
    await timed('printOnly', () => webFontPage.pdf(pdfOptions));
  }
  await systemPage?.close();
  await webFontPage?.close();
  const r = results.fixtures[name];
  Object.assign(r.pdf, {
    warm: stats(times.pdf),
    warmMainEntry: stats(times.main),
    ...(baseline ? { warmBaseline: stats(times.baseline), baselineBytes: bytes.baseline } : {}),
    bytes: bytes.pdf,
  });
  if (haveChromium) {
    Object.assign(r.pdfmake, { warm: stats(times.pdfmake), bytes: bytes.pdfmake });
    Object.assign(r.typst, { warm: stats(times.typst), bytes: bytes.typst });
    Object.assign(r.chromiumSystem, { warm: stats(times.chromiumSystem), bytes: bytes.chromiumSystem });
    Object.assign(r.chromium, {
      warm: stats(times.chromium),
      warmPdfOnly: stats(times.printOnly),
      bytes: bytes.chromium,
    });
  }
}
await browser?.close();

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
  `cold: ${COLD_RUNS} fresh processes each, renderers interleaved; warm: ${RUNS} renders each after ${WARMUP} untimed, a new report every round, renderers interleaved round by round`,
  'each figure: median (fastest–slowest) in ms; "×" = that median / @nianbao/pdf\'s (above 1: we are faster)',
  '',
];
// Each figure: median (fastest–slowest); "×": the peer's median / ours (above 1: we are faster).
const span = (t) => `${ms(t.median)} (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
const vs = (theirs, ours) => `${span(theirs)} ${(theirs.median / ours.median).toFixed(2)}×`;
const col = (text) => text.padEnd(30);
lines.push(`fixture  ${col('renderer')}${col('cold')}${col('warm')}PDF size`);
for (const [name, r] of Object.entries(results.fixtures)) {
  lines.push(
    `${name.padEnd(8)} ${col('@nianbao/pdf (/node)')}${col(span(r.pdf.cold))}${col(span(r.pdf.warm))}${kb(r.pdf.bytes)}`,
  );
  lines.push(
    `${''.padEnd(8)} ${col('  main entry')}${col(vs(r.pdf.coldMainEntry, r.pdf.cold))}${col(vs(r.pdf.warmMainEntry, r.pdf.warm))}`,
  );
  lines.push(`${''.padEnd(8)} ${col('  /node without code cache')}${col(vs(r.pdf.coldNoCache, r.pdf.cold))}`);
  if (r.pdf.warmBaseline) {
    lines.push(
      `${''.padEnd(8)} ${col('  baseline engine')}${col(vs(r.pdf.coldBaseline, r.pdf.cold))}${col(vs(r.pdf.warmBaseline, r.pdf.warm))}${kb(r.pdf.baselineBytes)}`,
    );
  }
  if (r.chromium) {
    lines.push(
      `${''.padEnd(8)} ${col('chromium, system fonts')}${col(vs(r.chromiumSystem.cold, r.pdf.cold))}${col(vs(r.chromiumSystem.warm, r.pdf.warm))}${kb(r.chromiumSystem.bytes)} (ours ${(r.pdf.bytes / r.chromiumSystem.bytes).toFixed(2)}× its size)`,
    );
    for (const [label, peer] of [
      ['pdfmake 0.3', r.pdfmake],
      ['typst (typst-ts-node 0.7)', r.typst],
    ]) {
      lines.push(
        `${''.padEnd(8)} ${col(label)}${col(vs(peer.cold, r.pdf.cold))}${col(vs(peer.warm, r.pdf.warm))}${kb(peer.bytes)}`,
      );
    }
    lines.push(
      `${''.padEnd(8)} ${col('chromium, web font (old)')}${col(vs(r.chromium.cold, r.pdf.cold))}${col(vs(r.chromium.warm, r.pdf.warm))}${kb(r.chromium.bytes)} (page.pdf() alone ${span(r.chromium.warmPdfOnly)})`,
    );
  } else {
    lines.push(
      `${''.padEnd(8)} chromium and peers (not measured: need /usr/bin/chromium, playwright-core, @nianbao/react built)`,
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
