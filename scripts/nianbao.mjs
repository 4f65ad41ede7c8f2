#!/usr/bin/env node
// Runs the nianbao CLI from a source checkout (`pnpm nianbao …`). When the compiled output of @nianbao/cli or of
// a workspace package it depends on (@nianbao/model, …) is missing or older than its TypeScript source, it
// builds them first (turbo, to stderr), so the command works in a fresh clone right after `pnpm install`.
// When everything is fresh the check is a stat of each source file: no TypeScript compiler is started.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = '@nianbao/cli';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Every `./dist/…` file an exports map points at (compiled `.js`, or built assets such as @nianbao/fonts' TTFs),
 * whatever the nesting of conditions.
 */
function distTargets(exportsField, into = new Set()) {
  if (typeof exportsField === 'string') {
    // A subpath pattern (`./dist/rulepacks/*.json`) names no one file: nothing to check for it.
    if (exportsField.startsWith('./dist/') && !exportsField.endsWith('.d.ts') && !exportsField.includes('*'))
      into.add(exportsField.slice(7));
  } else if (exportsField && typeof exportsField === 'object') {
    for (const value of Object.values(exportsField)) distTargets(value, into);
  }
  return into;
}

/**
 * @nianbao/cli and the workspace packages it depends on, directly or not, each with the compiled files that
 * must exist: its exports' dist targets (for the CLI also `main.js`, which the bin and this script import).
 */
function packagesToCheck() {
  const byName = new Map();
  for (const folder of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', folder);
    const manifest = readJson(join(dir, 'package.json'));
    if (manifest?.name) byName.set(manifest.name, { dir, manifest });
  }
  const found = new Map();
  const visit = (name) => {
    const pkg = byName.get(name);
    if (!pkg || found.has(name)) return;
    const entries = distTargets(pkg.manifest.exports);
    if (name === CLI) entries.add('main.js');
    found.set(name, {
      name,
      dir: pkg.dir,
      entries: [...entries].map((entry) => join(pkg.dir, 'dist', entry)),
    });
    for (const [dependency, range] of Object.entries(pkg.manifest.dependencies ?? {})) {
      if (String(range).startsWith('workspace:')) visit(dependency);
    }
  };
  visit(CLI);
  return [...found.values()];
}

/** The newest modification time of the compiled sources under `dir` (tests and declarations excluded). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    ) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Packages whose entries are missing or older than their newest source. tsc re-emits only the files that
 * changed, so an entry can be older than a source it imports even right after a build; after every successful
 * build this script therefore touches the entries, and "older than the newest source" then means "changed
 * since the last build".
 */
function stalePackages(packages) {
  return packages.filter((pkg) => {
    const built = pkg.entries.map(mtime);
    if (built.some((time) => time === undefined)) return true;
    return newestSource(join(pkg.dir, 'src')) > Math.min(...built);
  });
}

function build(stale) {
  process.stderr.write(`nianbao: 正在构建 / building ${stale.map((pkg) => pkg.name).join(', ')}…\n`);
  // An incremental tsc whose build info is current emits nothing, even when outputs were deleted; forgetting
  // the build info of a package with a missing entry makes it emit everything.
  for (const pkg of stale) {
    if (pkg.entries.some((entry) => mtime(entry) === undefined)) {
      rmSync(join(pkg.dir, 'dist', '.tsbuildinfo'), { force: true });
    }
  }
  const args = ['turbo', 'run', 'build', `--filter=${CLI}...`, '--output-logs=errors-only'];
  const options = { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' };
  let result = spawnSync('pnpm', ['--silent', ...args], options);
  if (result.error && result.error.code === 'ENOENT') {
    // Run as plain `node scripts/nianbao.mjs` without pnpm on PATH: the workspace's own turbo will do.
    result = spawnSync(join(root, 'node_modules', '.bin', 'turbo'), args.slice(1), options);
  }
  return !result.error && result.status === 0;
}

function fail(zh, en) {
  process.stderr.write(`nianbao: ${zh}\nnianbao: ${en}\n`);
  process.exit(2);
}

const packages = packagesToCheck();
const stale = stalePackages(packages);
if (stale.length > 0) {
  if (!build(stale)) {
    fail(
      '构建失败（见上方信息）；运行 pnpm build 查看完整输出',
      'the build failed (see above); run `pnpm build` for the full output',
    );
  }
  const missing = packages.flatMap((pkg) => pkg.entries).filter((entry) => mtime(entry) === undefined);
  if (missing.length > 0) {
    const list = missing.map((entry) => relative(root, entry)).join(', ');
    fail(`构建后仍缺少 ${list}`, `still missing after the build: ${list}`);
  }
  const now = new Date();
  for (const entry of stale.flatMap((pkg) => pkg.entries)) utimesSync(entry, now, now);
}

// `pnpm nianbao` runs this script from the workspace root; paths the user typed are relative to where they
// typed them, which pnpm passes as INIT_CWD.
const cwd =
  process.env.npm_lifecycle_event === 'nianbao' && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd();

let cli;
try {
  cli = await import(pathToFileURL(join(root, 'packages', 'cli', 'dist', 'main.js')).href);
} catch (error) {
  fail(
    `无法加载已构建的 CLI（${error.message}）；运行 pnpm build`,
    `cannot load the built CLI (${error.message}); run \`pnpm build\``,
  );
}
process.exitCode = await cli.main(process.argv.slice(2), { ...cli.processIo(), cwd });
