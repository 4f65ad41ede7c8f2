import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../../test/fake-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-audit-json-'));
  await mkdir(join(dir, 'region'));
  await writeFile(join(dir, 'region', 'seed.json'), JSON.stringify(seedReport, null, 2));
  await writeFile(join(dir, 'region', 'busy.json'), JSON.stringify(busyReport));
  const broken = structuredClone(seedReport) as unknown as { t3: { received: { naturalPerson: unknown } } };
  broken.t3.received.naturalPerson = '十二';
  await writeFile(join(dir, 'region', 'broken.json'), JSON.stringify(broken));
  // Other JSON in the folder (an earlier audit's output, settings) is not a report and is not listed.
  await writeFile(join(dir, 'region', 'settings.json'), '{"theme": "dark"}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit of reports kept as Report JSON', () => {
  it('audits a JSON file given by name even when it is not a report, saying why', async () => {
    const result = await run(['audit', 'region/settings.json', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('formatVersion');
  });

  it('audits a directory of .json reports, refusing an invalid one with its JSON path', async () => {
    const result = await run(['audit', 'region', '--json', 'audit.json', '--lang', 'en'], { cwd: dir });
    expect(result.stdout).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toMatch(STACK_LINE);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.includes('seed.json'))).toContain(seedReport.meta.agency);
    expect(lines.find((line) => line.includes('busy.json'))).toContain(busyReport.meta.agency);
    const broken = lines.find((line) => line.includes('broken.json')) ?? '';
    expect(broken).toContain('t3.received.naturalPerson');
    expect(result.stdout).toContain('3 file(s): 2 imported');
    expect(result.stdout).not.toContain('settings.json');
    const audit = JSON.parse(await readFile(join(dir, 'audit.json'), 'utf8')) as {
      rollUp: { report: { t3: { received: { naturalPerson: number } } } };
    };
    // The roll-up sums exactly the two valid reports' cells.
    expect(audit.rollUp.report.t3.received.naturalPerson).toBe(
      (seedReport.t3.received.naturalPerson ?? 0) + (busyReport.t3.received.naturalPerson ?? 0),
    );
  });
});
