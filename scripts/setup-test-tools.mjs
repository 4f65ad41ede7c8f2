#!/usr/bin/env node
// Provides the system tools the tests need, from Debian (never a downloaded browser build):
//   Chromium  (/usr/bin/chromium, Debian package `chromium`)        for the React and Storybook browser tests
//   poppler   (pdftoppm and pdftotext, Debian package `poppler-utils`) for the PDF text and image tests
//   LibreOffice (soffice, Debian package `libreoffice-writer-nogui`)  for the DOCX layout tests
// Run by `pnpm test` before any test runner and by .ci/run. When something is missing and this runs as root on a
// system with apt-get, it installs the Debian packages; otherwise it stops (exit 1) with the exact command to run.
// Nothing is ever skipped for want of a tool: a test that needs one and does not find it fails.
//
// Environment, for tests of this script: NIANBAO_CHROMIUM (the browser path checked, default /usr/bin/chromium),
// NIANBAO_SETUP_AS_ROOT=0|1 (overrides the uid check). PATH decides where pdftoppm, pdftotext and apt-get are found.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The browser path every browser test launches (Debian's Chromium). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether `file` exists and is executable. */
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on `path`, or undefined. */
export function which(name, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The Debian packages missing for the tests, each with why. */
export function missingTools(env = process.env) {
  const chromium = env.NIANBAO_CHROMIUM || CHROMIUM;
  const missing = [];
  if (!executable(chromium)) missing.push({ pkg: 'chromium', why: `${chromium} (browser tests)` });
  const poppler = ['pdftoppm', 'pdftotext'].filter((tool) => !which(tool, env.PATH));
  if (poppler.length > 0) missing.push({ pkg: 'poppler-utils', why: `${poppler.join(', ')} (PDF tests)` });
  if (!which('soffice', env.PATH))
    missing.push({ pkg: 'libreoffice-writer-nogui', why: 'soffice (DOCX tests)' });
  return missing;
}

/** The command that installs `packages`, as a person would type it. */
export function installCommand(packages, { root = true } = {}) {
  const sudo = root ? '' : 'sudo ';
  return (
    `${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y ` +
    `--no-install-recommends ${packages.join(' ')}`
  );
}

function isRoot(env) {
  if (env.NIANBAO_SETUP_AS_ROOT === '1') return true;
  if (env.NIANBAO_SETUP_AS_ROOT === '0') return false;
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Checks the tools and installs what is missing when it can. Returns the exit code: 0 when every tool is there
 * (already or after installing), 1 otherwise, with the reason and the command to run on stderr.
 */
export function setupTestTools({ env = process.env, log = console.error } = {}) {
  const missing = missingTools(env);
  if (missing.length === 0) return 0;
  const packages = missing.map((m) => m.pkg);
  log(`test tools missing: ${missing.map((m) => m.why).join('; ')}`);
  const root = isRoot(env);
  const aptGet = which('apt-get', env.PATH);
  if (!root || !aptGet) {
    log(
      aptGet
        ? `not root, so not installing them. Run:\n  ${installCommand(packages, { root: false })}\nthen run the tests again.`
        : `no apt-get here (the tests expect Debian's packages). Install ${packages.join(' ')} ` +
            `with your system's package manager (Debian/Ubuntu: ${installCommand(packages, { root: false })}), ` +
            'then run the tests again.',
    );
    return 1;
  }
  log(`installing Debian packages: ${packages.join(' ')}`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const result = spawnSync(aptGet, args, { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) {
      log(
        `apt-get ${args[0]} failed (exit ${result.status ?? result.signal}). Run:\n  ${installCommand(packages)}`,
      );
      return 1;
    }
  }
  const still = missingTools(env);
  if (still.length > 0) {
    log(`still missing after apt-get install: ${still.map((m) => m.why).join('; ')}`);
    return 1;
  }
  log(`installed ${packages.join(' ')}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = setupTestTools();
}
