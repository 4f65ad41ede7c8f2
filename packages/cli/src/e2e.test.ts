// End-to-end: the real built `nianbao` bin and the root launcher, as separate processes. The launcher
// builds @nianbao/cli and @nianbao/model first when their dist is missing or stale (under `turbo run test`
// the build has already run, so this is only a freshness check).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_LINE } from '../test/fake-io.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages', 'cli', 'bin', 'nianbao.js');
const launcher = join(root, 'scripts', 'nianbao.mjs');

function node(args: string[], env: Record<string, string> = {}, cwd = root) {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  const built = node([launcher, '--version']);
  expect(built.code, built.stderr).toBe(0);
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the built bin', { timeout: 60_000 }, () => {
  it('validates the bundled example: exit 0, no colour on a pipe', () => {
    const result = node([bin, 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('内置示例 / bundled example: 平罗县头闸镇人民政府 2022');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('validates files, with the worst exit code and no stack traces', async () => {
    await writeFile(join(dir, 'busy.json'), JSON.stringify(busyReport));
    const ok = node([bin, 'validate', 'busy.json', '--json'], {}, dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });
    const missing = node([bin, 'validate', 'busy.json', 'missing.json'], {}, dir);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('missing.json: ✗ 无法解析 cannot parse (文件不存在 / file not found)');
    expect(missing.stdout + missing.stderr).not.toMatch(STACK_LINE);
  });

  it.skipIf(process.platform === 'win32')('survives a closed pipe (| head) and keeps its exit code', () => {
    // Far more than a pipe buffer (64 KB), so writes continue after `head` has gone.
    const files = Array.from({ length: 1500 }, (_, i) => `missing-${i}.json`).join(' ');
    const result = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" validate ${files} | head -n 1; exit \${PIPESTATUS[0]}`],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(result.stdout).toBe('文件 / file: missing-0.json\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
  });

  it('prints the version and rejects an unknown command with exit 2', () => {
    expect(node([bin, '--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = node([bin, 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('the root launcher (pnpm nianbao)', { timeout: 120_000 }, () => {
  it('runs without rebuilding when dist is fresh', () => {
    // The first run rebuilds only if sources changed since beforeAll (possible while editing).
    expect(node([launcher, '--version']).code).toBe(0);
    const result = node([launcher, 'validate', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
  });

  it('resolves paths against INIT_CWD when run as the "nianbao" package script', async () => {
    await writeFile(join(dir, 'here.json'), JSON.stringify(busyReport));
    const result = node([launcher, 'validate', 'here.json'], {
      npm_lifecycle_event: 'nianbao',
      INIT_CWD: dir,
    });
    expect(result.code, result.stdout).toBe(0);
  });
});
