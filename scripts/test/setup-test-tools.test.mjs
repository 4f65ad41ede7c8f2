import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installCommand, missingTools, setupTestTools } from '../setup-test-tools.mjs';

// A fake system: PATH is one temporary folder, the browser path is a file in it, and apt-get is a shell script
// that records its arguments and environment and, on install, creates what the packages would provide.
let dir;
let log;
let lines;

function fakeAptGet({ installs = true, status = 0 } = {}) {
  const provide = installs
    ? `for p in "$@"; do
  case "$p" in
    chromium) printf '#!/bin/sh\\n' > "${dir}/chromium"; chmod +x "${dir}/chromium" ;;
    poppler-utils) for t in pdftoppm pdftotext; do printf '#!/bin/sh\\n' > "${dir}/$t"; chmod +x "${dir}/$t"; done ;;
    libreoffice-writer-nogui) printf '#!/bin/sh\\n' > "${dir}/soffice"; chmod +x "${dir}/soffice" ;;
  esac
done`
    : '';
  writeFileSync(
    join(dir, 'apt-get'),
    `#!/bin/sh
PATH=/usr/bin:/bin
echo "$DEBIAN_FRONTEND $*" >> "${dir}/apt.log"
[ "$1" = install ] || exit 0
${provide}
exit ${status}
`,
  );
  chmodSync(join(dir, 'apt-get'), 0o755);
}

function tool(name) {
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
}

const env = (root) => ({
  PATH: dir,
  NIANBAO_CHROMIUM: join(dir, 'chromium'),
  NIANBAO_SETUP_AS_ROOT: root ? '1' : '0',
});
const aptCalls = () =>
  existsSync(join(dir, 'apt.log')) ? readFileSync(join(dir, 'apt.log'), 'utf8').trim().split('\n') : [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-setup-'));
  lines = [];
  log = (line) => lines.push(line);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('setup-test-tools', () => {
  it('does nothing when Chromium and poppler are there', () => {
    fakeAptGet();
    for (const t of ['chromium', 'pdftoppm', 'pdftotext', 'soffice']) tool(t);
    expect(missingTools(env(true))).toEqual([]);
    expect(setupTestTools({ env: env(true), log })).toBe(0);
    expect(aptCalls()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('as root, installs the missing Debian packages noninteractively without recommends', () => {
    fakeAptGet();
    tool('pdftotext');
    tool('soffice');
    expect(missingTools(env(true)).map((m) => m.pkg)).toEqual(['chromium', 'poppler-utils']);
    expect(setupTestTools({ env: env(true), log })).toBe(0);
    expect(aptCalls()).toEqual([
      'noninteractive update -qq',
      'noninteractive install -y -qq --no-install-recommends chromium poppler-utils',
    ]);
    expect(missingTools(env(true))).toEqual([]);
    expect(lines.join('\n')).toContain('pdftoppm (PDF tests)');
  });

  it('installs only what is missing', () => {
    fakeAptGet();
    for (const t of ['pdftoppm', 'pdftotext', 'soffice']) tool(t);
    expect(setupTestTools({ env: env(true), log })).toBe(0);
    expect(aptCalls()[1]).toBe('noninteractive install -y -qq --no-install-recommends chromium');
  });

  it('installs LibreOffice (writer, no GUI) for the DOCX tests when soffice is missing', () => {
    fakeAptGet();
    for (const t of ['chromium', 'pdftoppm', 'pdftotext']) tool(t);
    expect(missingTools(env(true))).toEqual([
      { pkg: 'libreoffice-writer-nogui', why: 'soffice (DOCX tests)' },
    ]);
    expect(setupTestTools({ env: env(true), log })).toBe(0);
    expect(aptCalls()[1]).toBe(
      'noninteractive install -y -qq --no-install-recommends libreoffice-writer-nogui',
    );
    expect(missingTools(env(true))).toEqual([]);
  });

  it('not as root, stops with the exact command to run and installs nothing', () => {
    fakeAptGet();
    expect(setupTestTools({ env: env(false), log })).toBe(1);
    expect(aptCalls()).toEqual([]);
    const command = installCommand(['chromium', 'poppler-utils'], { root: false });
    expect(command).toBe(
      'sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium poppler-utils',
    );
    expect(lines.join('\n')).toContain(command);
    expect(lines.join('\n')).toContain(`${join(dir, 'chromium')} (browser tests)`);
  });

  it('without apt-get, names the packages and fails', () => {
    expect(setupTestTools({ env: env(true), log })).toBe(1);
    expect(lines.join('\n')).toMatch(/no apt-get here.*chromium poppler-utils/s);
  });

  it('fails with the command when apt-get fails', () => {
    fakeAptGet({ status: 100 });
    expect(setupTestTools({ env: env(true), log })).toBe(1);
    expect(lines.join('\n')).toContain('apt-get install failed (exit 100)');
    expect(lines.join('\n')).toContain(installCommand(['chromium', 'poppler-utils']));
  });

  it('fails when the tools are still missing after installing', () => {
    fakeAptGet({ installs: false });
    expect(setupTestTools({ env: env(true), log })).toBe(1);
    expect(lines.join('\n')).toContain('still missing after apt-get install');
  });
});
