import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Report } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import { describe, expect, it } from 'vitest';
import { createServer } from './index.js';

/*
 * The service under pressure and at its end: a full queue, a client that gives up, a job past its deadline, and
 * SIGTERM to the real start command (the Dockerfile's CMD, spawned as a child process) with requests in flight.
 */

const PACKAGE = join(import.meta.dirname, '..');
const CREATED = '2023-01-20T00:00:00.000Z';

/** A report whose PDF takes seconds: the seed's overview repeated as part 六. */
const heavy: Report = {
  ...seedReport,
  sections: {
    ...seedReport.sections,
    other: Array.from({ length: 800 }, () => seedReport.sections?.overview ?? []).flat(),
  },
};

function render(base: string, report: Report, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}/v1/render?created=${CREATED}`, {
    method: 'POST',
    body: JSON.stringify(report),
    headers: { 'content-type': 'application/json' },
    ...(signal ? { signal } : {}),
  });
}

/** The value of a gauge in the service's metrics. */
async function gauge(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

/** Polls until `check` holds (every 20 ms); the test's own timeout bounds it. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a full queue, a client that leaves, a job past its deadline', () => {
  it('answers 503 with Retry-After at once, drops the waiting job of a gone client, stops a late job', async () => {
    const service = await createServer({ workers: 1, queue: 1, jobTimeoutMs: 2000, logLevel: false });
    const base = await service.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const running = render(base, heavy);
      await until(async () => (await gauge(base, 'nianbao_jobs_running')) === 1);
      const leaving = new AbortController();
      const waiting = render(base, heavy, leaving.signal).catch((error: Error) => error);
      await until(async () => (await gauge(base, 'nianbao_queue_depth')) === 1);

      const refused = await render(base, seedReport);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect((await refused.json()).code).toBe('queue-full');

      // The waiting client goes away: its job leaves the line without reaching a worker.
      leaving.abort();
      expect(await waiting).toBeInstanceOf(Error);
      await until(async () => (await gauge(base, 'nianbao_queue_depth')) === 0);

      const late = await running;
      expect(late.status).toBe(503);
      expect((await late.json()).code).toBe('timeout');

      // The stopped thread was replaced: the next job succeeds (an HTML page: a fresh thread has no warm PDF
      // renderer yet, and its first PDF could take longer than this test's short deadline).
      // On a loaded machine the new thread may take more than the 2 s deadline to load React: a few tries.
      let after: Response | undefined;
      for (let attempt = 0; attempt < 5 && after?.status !== 200; attempt++) {
        after = await fetch(`${base}/v1/render?format=html`, {
          method: 'POST',
          body: JSON.stringify(seedReport),
          headers: { 'content-type': 'application/json' },
        });
        if (after.status !== 200) expect((await after.json()).code).toBe('timeout');
      }
      if (!after) throw new Error('no answer');
      expect(after.status).toBe(200);
      expect(await after.text()).toMatch(/^<!doctype html>/);
    } finally {
      await service.close();
    }
  });
});

/** The Dockerfile's instructions, continuation lines joined. */
function dockerfile(): { instruction: string; args: string }[] {
  const text = readFileSync(join(PACKAGE, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.indexOf(' ');
      return { instruction: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

describe('Dockerfile', () => {
  const lines = dockerfile();
  const all = (name: string): string[] => lines.filter((l) => l.instruction === name).map((l) => l.args);

  it('runs on Node 20 slim as a non-root user with CJK fonts and a readiness HEALTHCHECK', () => {
    for (const from of all('FROM')) expect(from).toMatch(/^node:20-[\w-]*slim\b/);
    const users = all('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(all('RUN').some((run) => /apt-get install .*fonts-noto-cjk/.test(run))).toBe(true);
    expect(all('HEALTHCHECK').join(' ')).toContain('/readyz');
    expect(all('EXPOSE')).toContain('8080');
  });

  it('starts with a command that serves, and stops with exit 0 on SIGTERM after finishing requests in flight', async () => {
    const cmd = JSON.parse(all('CMD').at(-1) ?? '[]') as string[];
    expect(cmd.slice(0, 2)).toEqual(['node', 'bin/nianbao-server.js']);
    expect(cmd.join(' ')).toContain('--port 8080');
    // The same command, here: a free port on the loopback, one worker to spare the machine.
    const args = cmd.slice(1).map((arg, i, list) => {
      if (list[i - 1] === '--port') return '0';
      if (list[i - 1] === '--host') return '127.0.0.1';
      return arg;
    });
    const child: ChildProcess = spawn(process.execPath, [...args, '--workers', '1'], {
      cwd: PACKAGE,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
        lines.on('line', (line) => {
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
      });
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      const inFlight = Array.from({ length: 6 }, () =>
        render(base, seedReport).then(async (response) => ({
          status: response.status,
          bytes: Buffer.from(await response.arrayBuffer()),
        })),
      );
      await until(
        async () =>
          (await gauge(base, 'nianbao_jobs_running')) + (await gauge(base, 'nianbao_queue_depth')) === 6,
      );
      child.kill('SIGTERM');

      const library = Buffer.from(
        await renderReportPdf(seedReport, { creationDate: new Date(CREATED), onWarning: () => undefined }),
      );
      for (const answer of await Promise.all(inFlight)) {
        expect(answer.status).toBe(200);
        expect(answer.bytes.equals(library)).toBe(true);
      }
      expect(await exited).toBe(0);
      // Stopped: nothing listens any more.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
