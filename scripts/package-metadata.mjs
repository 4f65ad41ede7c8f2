#!/usr/bin/env node
// What every public package's manifest must say to be published, in one place, and a way to apply and check it:
//   node scripts/package-metadata.mjs          rewrites packages/*/package.json to match (then run pnpm install)
//   node scripts/package-metadata.mjs --check  exits 1 naming every difference (a test of scripts/ runs it)
// - repository (with its directory), homepage, bugs, engines (Node ≥ 20.19: every package is ESM only, and 20.19
//   is the first Node 20 whose require() loads an ES module);
// - files: the LICENSE (MIT packages), never a .tsbuildinfo or source maps of files that are not shipped;
// - publishConfig.exports: the exports without the workspace-only `@nianbao/source` condition (pnpm pack and
//   pnpm publish write it into the published manifest; `./src` is not published);
// - dependencies on libraries as ^ranges, never exact pins, so an app's copy is shared, not duplicated.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPOSITORY = 'https://github.com/nianbao/nianbao';
export const NODE_ENGINES = '>=20.19';
const SOURCE_CONDITION = '@nianbao/source';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every public workspace package: `{ dir, file, manifest }`. */
export function publicPackages(root = repoRoot) {
  const out = [];
  const base = join(root, 'packages');
  for (const name of readdirSync(base).sort()) {
    const file = join(base, name, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (!manifest.private) out.push({ dir: `packages/${name}`, file, manifest });
  }
  return out;
}

/** The exports map with the workspace-only source condition taken out of every entry. */
export function publishedExports(exports) {
  if (typeof exports === 'string' || exports === null || typeof exports !== 'object') return exports;
  const out = {};
  for (const [key, value] of Object.entries(exports)) {
    if (key === SOURCE_CONDITION) continue;
    out[key] = publishedExports(value);
  }
  return out;
}

/** An exact version pin (`1.2.3`) in dependencies becomes a caret range; workspace and ranges stay. */
function rangeOf(version) {
  return /^\d+\.\d+\.\d+$/.test(version) ? `^${version}` : version;
}

/** The manifest as it must be (keys in a stable, conventional order). */
export function expectedManifest({ dir, manifest }) {
  const mit = manifest.license === 'MIT';
  const files = (manifest.files ?? []).filter((f) => f !== 'LICENSE' && f !== '!dist/.tsbuildinfo');
  files.push('!dist/.tsbuildinfo');
  if (mit) files.push('LICENSE');
  const want = {
    ...manifest,
    repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: dir },
    homepage: `${REPOSITORY}/tree/main/${dir}#readme`,
    bugs: { url: `${REPOSITORY}/issues` },
    engines: { node: NODE_ENGINES },
    files,
  };
  if (manifest.dependencies) {
    want.dependencies = Object.fromEntries(
      Object.entries(manifest.dependencies).map(([name, version]) => [name, rangeOf(version)]),
    );
  }
  const exports = publishedExports(manifest.exports);
  const publishConfig = { ...(manifest.publishConfig ?? {}), access: 'public' };
  if (JSON.stringify(exports) !== JSON.stringify(manifest.exports)) publishConfig.exports = exports;
  else delete publishConfig.exports;
  want.publishConfig = publishConfig;
  // Conventional order: identity, then where it lives, then what ships, then dependencies.
  const order = [
    'name',
    'version',
    'description',
    'keywords',
    'license',
    'repository',
    'homepage',
    'bugs',
    'type',
    'sideEffects',
    'engines',
    'bin',
    'files',
    'exports',
    'publishConfig',
  ];
  const sorted = {};
  for (const key of order) if (key in want) sorted[key] = want[key];
  for (const key of Object.keys(want)) if (!(key in sorted)) sorted[key] = want[key];
  return sorted;
}

/** Differences between each public manifest and what it must be, plus missing README/LICENSE files. */
export function checkPackages(root = repoRoot) {
  const problems = [];
  for (const pkg of publicPackages(root)) {
    const want = expectedManifest(pkg);
    for (const key of new Set([...Object.keys(want), ...Object.keys(pkg.manifest)])) {
      if (JSON.stringify(want[key]) !== JSON.stringify(pkg.manifest[key])) {
        problems.push(`${pkg.manifest.name}: package.json "${key}" should be ${JSON.stringify(want[key])}`);
      }
    }
    for (const f of ['README.md', ...(pkg.manifest.license === 'MIT' ? ['LICENSE'] : [])]) {
      if (!existsSync(join(root, pkg.dir, f))) problems.push(`${pkg.manifest.name}: no ${f} in ${pkg.dir}`);
    }
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    const problems = checkPackages();
    for (const p of problems) console.error(p);
    if (problems.length) console.error('fix with: node scripts/package-metadata.mjs && pnpm install');
    process.exit(problems.length ? 1 : 0);
  }
  for (const pkg of publicPackages()) {
    writeFileSync(pkg.file, `${JSON.stringify(expectedManifest(pkg), null, 2)}\n`);
  }
}
