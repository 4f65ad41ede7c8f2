import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkReport, isReportOk } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nianbao.js');

describe('serve', () => {
  it('refuses bad option values with exit 2 before starting anything', async () => {
    for (const [option, value] of [
      ['--port', 'eighty'],
      ['--workers', '0'],
      ['--body-limit', '-1'],
      ['--timeout', '5'],
    ] as const) {
      const result = await run(['serve', option, value]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(option);
      expect(result.stdout).toBe('');
    }
    expect((await run(['serve', 'report.json'])).code).toBe(2);
  });

  it('lists serve in the help', async () => {
    const help = await run(['--help']);
    expect(help.stdout).toMatch(/\bserve\b/);
    const own = await run(['serve', '--help']);
    expect(own.stdout).toContain('--workers');
  });

  it('serves validate over HTTP from the built bin and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stderr }).on('line', (line) => {
          const match = /(http:\/\/127\.0\.0\.1:\d+) \(/.exec(line);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) =>
          reject(new Error(`nianbao serve exited with ${code} before it was ready`)),
        );
      });
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const response = await fetch(`${base}/v1/validate`, {
        method: 'POST',
        body: JSON.stringify(seedReport),
        headers: { 'content-type': 'application/json' },
      });
      const findings = checkReport(seedReport);
      expect(await response.json()).toEqual(
        JSON.parse(JSON.stringify({ ok: isReportOk(findings), findings })),
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
